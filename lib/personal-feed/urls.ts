// Where a personal feed lives: /feeds/me/<token>/atom.xml (Atom) and …/feed.json (JSON Feed 1.1).
export type PersonalFeedFormat = "atom" | "json";
const FILE: Record<PersonalFeedFormat, string> = { atom: "atom.xml", json: "feed.json" };

export const personalFeedPath = (token: string, format: PersonalFeedFormat): string => `/feeds/me/${encodeURIComponent(token)}/${FILE[format]}`;
