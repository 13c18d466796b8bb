-- ISMS Workbench in Neovim 0.7 or later, without nvim-lspconfig (init.lua).
-- One isms-language-server per ISMS root (the nearest folder above with an isms.yaml),
-- attached to every YAML buffer below it.
local isms_clients = {}
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
    local marker = vim.fn.findfile("isms.yaml", dir .. ";")
    if marker == "" then marker = vim.fn.findfile("isms.yml", dir .. ";") end
    if marker == "" then return end
    local root = vim.fn.fnamemodify(marker, ":p:h")
    if not isms_clients[root] then
      isms_clients[root] = vim.lsp.start_client({
        name = "isms",
        cmd = { "isms-language-server", "--stdio" },
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        settings = { isms = { today = "" } },
      })
    end
    vim.lsp.buf_attach_client(args.buf, isms_clients[root])
  end,
})
