// Where a personal feed lives: /feeds/me/<token>/atom.xml (Atom), …/rss.xml (RSS 2.0) and
// …/feed.json (JSON Feed 1.1).
export type PersonalFeedFormat = "atom" | "rss" | "json";
const FILE: Record<PersonalFeedFormat, string> = { atom: "atom.xml", rss: "rss.xml", json: "feed.json" };

export const personalFeedPath = (token: string, format: PersonalFeedFormat): string => `/feeds/me/${encodeURIComponent(token)}/${FILE[format]}`;
