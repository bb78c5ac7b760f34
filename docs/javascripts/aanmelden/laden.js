// What the editor reads before it can draw: its generated fields (velden.json) and Ajv.
// Ajv's browser build (ajv-dist) is a UMD script, not an ES module: it is run here with its own `module` object,
// so it hands over its class without putting a global on the page. Ajv compiles a schema into a function
// itself (new Function), so running its code this way asks nothing of the page that Ajv does not ask anyway.

const here = new URL("./", import.meta.url);

async function readJson(name) {
  const response = await fetch(new URL(name, here));
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response.json();
}

/** velden.json (contribute/editor_fields.py). */
export function loadDefinitions() {
  return readJson("velden.json");
}

/** The Ajv class for JSON Schema 2020-12, from the vendored copy of the pinned npm package. */
export async function loadAjv() {
  const response = await fetch(new URL("../vendor/ajv2020.js", here));
  if (!response.ok) throw new Error(`ajv2020.js: ${response.status}`);
  const module = { exports: {} };
  new Function("module", "exports", await response.text())(module, module.exports);
  return module.exports.default ?? module.exports;
}
