// QR codes made in the browser, for links that only exist there (a shared selection). The encoding is the
// npm package qrcode-generator (vendor/README.txt); this module only draws its modules, the way the build
// draws its codes with segno (render/qr_codes.py): error correction M, a quiet zone of four modules for the
// files to download, one horizontal stroke per run of dark modules.

import { element } from "./dom.js";
import qrcode from "../vendor/qrcode-generator.js";

const SVG = "http://www.w3.org/2000/svg";
const ERROR_LEVEL = "M";
const BORDER = 4;
const PNG_SCALE = 10;
const REMEMBERED = 8;
const made = new Map(); // text → rows, for the codes drawn last: the page, its file and its image share one

/** The dark modules of `text`'s QR code as rows of booleans, quiet zone included. Choosing the best mask
 *  makes a code eight times over, so a code once made is kept for the next drawing of the same text. */
function modules(text) {
  if (!made.has(text)) {
    made.set(text, encoded(text));
    if (made.size > REMEMBERED) made.delete(made.keys().next().value);
  }
  return made.get(text);
}

function encoded(text) {
  const code = qrcode(0, ERROR_LEVEL);
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const size = count + 2 * BORDER;
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => {
    const r = row - BORDER;
    const c = column - BORDER;
    return r >= 0 && c >= 0 && r < count && c < count && code.isDark(r, c);
  }));
}

/** SVG path data: a stroke of width 1 along the middle of each run of dark modules. */
function pathData(rows) {
  const parts = [];
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      const start = x;
      while (x < row.length && row[x] === row[start]) x += 1;
      if (row[start]) parts.push(`M${start} ${y}.5h${x - start}`);
    }
  });
  return parts.join("");
}

/** An inline <svg> of the code, labelled for screen readers (`label`), with the given class. */
export function qrSvgElement(text, label, className) {
  const rows = modules(text);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", className);
  svg.setAttribute("viewBox", `0 0 ${rows.length} ${rows.length}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", pathData(rows));
  path.setAttribute("stroke", "#000");
  path.setAttribute("shape-rendering", "crispEdges");
  svg.append(background, path);
  return svg;
}

/** The code as an SVG file, sharp on a slide at any size. */
export function qrSvgBlob(text, title) {
  const svg = qrSvgElement(text, title, "qr");
  const size = Number(svg.getAttribute("viewBox").split(" ")[2]) * PNG_SCALE;
  svg.setAttribute("xmlns", SVG);
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  const heading = document.createElementNS(SVG, "title");
  heading.textContent = title;
  svg.prepend(heading);
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
}

/** The code as a PNG file (ten pixels per module), for programs that do not take SVG. */
export function qrPngBlob(text) {
  const rows = modules(text);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = rows.length * PNG_SCALE;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = "#000";
  rows.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) context.fillRect(x * PNG_SCALE, y * PNG_SCALE, PNG_SCALE, PNG_SCALE);
  }));
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

/** A practice's small QR code with its address, as the print_qr macro (_macros.html.j2) writes it for the
 *  handout and the presentation. */
export function printQr(address) {
  const box = element("div", "pb-print-qr");
  box.append(qrSvgElement(address, `QR-code naar ${address}`, "pb-print-qr__code"), element("span", "pb-print-qr__url", address));
  return box;
}
