// On a practice page: "Stel een wijziging voor" and "Wij doen dit ook" are plain links to the GitHub forms (or
// the contributors' page), written by the build. When JavaScript runs they lead to the editor instead, which
// loads the practice itself: /aanmelden/?wijzig=<id> or ?neem-over=<id>. Only this small module runs on the
// practice pages; the editor's own modules load on /aanmelden/ alone.

import { isPracticeId, siteRoot } from "../gedeeld/praktijken.js";

const STARTS = new Set(["wijzig", "neem-over"]);

for (const link of document.querySelectorAll("a[data-aanmelden][data-praktijk]")) {
  const { aanmelden: start, praktijk: id } = link.dataset;
  if (!STARTS.has(start) || !isPracticeId(id)) continue;
  const address = new URL("aanmelden/", siteRoot);
  address.searchParams.set(start, id);
  link.href = address.href;
}
