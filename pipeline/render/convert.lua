-- The pipeline's pandoc session (`pandoc lua convert.lua`): one process converts document after
-- document, so pandoc's start-up and its templates are paid once, not per file.
--
-- A request is one line of JSON on standard input:
--   {"text": DOCBOOK, "metadata": JSON TEXT, "to": "epub3" | "docx", "options": {WRITER OPTIONS}}
-- The reply on standard output is "ok N" and a newline, then the N bytes of the file; or
-- "error MESSAGE" on one line. The session ends at the end of its input.
--
-- As `pandoc --sandbox` would: the DocBook and the metadata are read in pandoc's sandbox (no
-- files), and a document whose image is anything but a data: URL is refused before a writer,
-- which would fetch it, sees it. The metadata text is read as a metadata file is (YAML, of
-- which JSON is a part; values as Markdown); the document's own metadata wins over it.

local templates = {}

local function template(format)
  if not templates[format] then
    templates[format] = pandoc.template.compile(pandoc.template.default(format))
  end
  return templates[format]
end

local function only_data_urls(image)
  if not image.src:match("^data:") then
    error("an image that is not a data: URL: " .. image.src, 0)
  end
end

-- A paragraph with a DocBook role (a notice's parts: <para role="salutation">, "attachment", "signature")
-- reaches pandoc as a Div with a "role" attribute: it becomes a class for EPUB's stylesheet and a paragraph
-- style of the reference DOCX, and no "role" attribute, which HTML keeps for ARIA's roles.
local ROLE_STYLES = { salutation = "Salutation", attachment = "Attachment", signature = "Signature" }

local function role_to_style(div)
  local style = ROLE_STYLES[div.attributes.role]
  if style then
    return pandoc.Div(div.content, pandoc.Attr("", { div.attributes.role }, { ["custom-style"] = style }))
  end
end

local function convert(request)
  local doc = pandoc.read(request.text, "docbook", {}, {})
  local meta = pandoc.read("---\n" .. request.metadata .. "\n---\n", "markdown", {}, {}).meta
  for key, value in pairs(doc.meta) do
    meta[key] = value
  end
  doc.meta = meta
  doc:walk({ Image = only_data_urls })
  doc = doc:walk({ Div = role_to_style })
  local options = request.options
  if request.to == "epub3" then
    options.template = template(request.to)
  end
  return pandoc.write(doc, request.to, pandoc.WriterOptions(options))
end

for line in io.lines() do
  local ok, result = pcall(function() return convert(pandoc.json.decode(line, false)) end)
  if ok then
    io.stdout:write("ok ", #result, "\n", result)
  else
    local message = tostring(result):gsub("%s*stack traceback:.*", "")
    io.stdout:write("error ", (message:gsub("%s+", " ")), "\n")
  end
  io.stdout:flush()
end
