-- Drives a headless Neovim for test/editors/neovim.test.ts: loads an editor configuration of
-- docs/editors, opens a file of the ISMS, waits for the server's diagnostics, asks for a hover and
-- the code actions at given positions, writes what it got as JSON, and quits.
-- Environment: ISMS_NVIM_CONFIG, ISMS_NVIM_FILE, ISMS_NVIM_OUT, ISMS_NVIM_HOVER ("line:col", 0-based),
-- ISMS_NVIM_ACTION ("line:col").
local env = vim.env
local result = { version = vim.version(), diagnostics = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, env.ISMS_NVIM_OUT)
  vim.cmd("qall!")
end

local function position(spec)
  local line, col = spec:match("^(%d+):(%d+)$")
  return { line = tonumber(line), character = tonumber(col) }
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  dofile(env.ISMS_NVIM_CONFIG)
  vim.cmd("edit " .. vim.fn.fnameescape(env.ISMS_NVIM_FILE))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)

  result.attached = vim.wait(30000, function() return #vim.lsp.get_active_clients() > 0 end, 50)
  result.diagnosed = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = code, message = d.message })
  end

  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", { textDocument = { uri = uri }, position = position(env.ISMS_NVIM_HOVER) }, 20000)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      result.hover = type(contents) == "table" and (contents.value or vim.fn.json_encode(contents)) or contents
    end
    if response.err then table.insert(result.errors, vim.fn.json_encode(response.err)) end
  end

  local at = position(env.ISMS_NVIM_ACTION)
  local lsp_diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = at.line })) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if lsp.range then
      table.insert(lsp_diagnostics, lsp) -- Neovim 0.10+ keeps the whole LSP diagnostic
    else -- 0.7 to 0.9 keep some fields (the example's text is ASCII: byte columns are characters)
      table.insert(lsp_diagnostics, {
        range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
        severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code, data = lsp.data,
      })
    end
  end
  local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = at, ["end"] = at },
    context = { diagnostics = lsp_diagnostics },
  }, 20000)
  result.actions = {}
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do table.insert(result.actions, action) end
    if response.err then table.insert(result.errors, vim.fn.json_encode(response.err)) end
  end
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
