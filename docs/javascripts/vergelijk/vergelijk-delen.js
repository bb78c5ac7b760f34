// "Link kopiëren" on the comparison page: its address holds the practices compared (vergelijk/?p=…), so the
// link is the page's own address. It is offered only while there is a comparison to share: two practices or more.

import { copyButton } from "../gedeeld/kopieer.js";
import { FEWEST } from "./vergelijkkeuze.js";

const share = document.querySelector(".pb-compare__share");
let ready = false;

/** Show "Link kopiëren" when `count` practices are compared, at least FEWEST; hide it otherwise. */
export function offerShare(count) {
  if (!share) return;
  if (!ready) copyButton(share.querySelector(".pb-compare__copy"), () => location.href);
  ready = true;
  share.hidden = count < FEWEST;
}
