// "Link kopiëren" on the comparison page: its address holds the practices compared (vergelijk/?p=…), so the
// link is the page's own address. Without practices in it there is nothing to share.

import { copyButton } from "../gedeeld/kopieer.js";

const share = document.querySelector(".pb-compare__share");
if (share && new URLSearchParams(location.search).get("p")) {
  share.hidden = false;
  copyButton(share.querySelector(".pb-compare__copy"), () => location.href);
}
