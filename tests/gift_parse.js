// Parses GIFT files with the gift-pegjs package (as Moodle's importer would read them) and
// prints {file: [questions...]} as JSON, or {file: {error}} for a file it cannot parse.
const fs = require("fs")
const { parse } = require("gift-pegjs")
const out = {}
for (const file of process.argv.slice(2)) {
  try { out[file] = parse(fs.readFileSync(file, "utf8")) }
  catch (error) { out[file] = { error: String(error.message || error) } }
}
process.stdout.write(JSON.stringify(out))
