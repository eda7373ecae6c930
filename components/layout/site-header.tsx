import Link from "next/link";
import { SearchButton } from "@/components/search/search-button";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import { ThemeToggle } from "./theme-toggle";

// The global changelog only from small-tablet width up: on phones the header has no room for it.
const NAV = [
  { href: "/apis", label: "APIs", className: "" },
  { href: "/changelog", label: "Changelog", className: "hidden sm:block" },
  { href: "/deprecations", label: "Deprecations", className: "hidden md:block" },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-bg/90 backdrop-blur">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:rounded focus:bg-accent focus:px-3 focus:py-1 focus:text-accent-fg">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" aria-label="Portolan home" className="rounded">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1 text-sm">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className={`rounded-md px-3 py-1.5 font-medium text-fg-muted hover:bg-bg-muted hover:text-fg ${item.className}`}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-2">
          <SearchButton />
          <AccountMenu />
          <noscript>
            <a href="/signin" className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-fg-muted hover:bg-bg-muted hover:text-fg">
              Sign in
            </a>
          </noscript>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
