-- ISMS Workbench in Neovim 0.11 or later (init.lua), with vim.lsp.config and vim.lsp.enable.
-- The server starts only for YAML files below an isms.yaml.
vim.lsp.config("isms", {
  cmd = { "isms-language-server", "--stdio" },
  filetypes = { "yaml" },
  root_dir = function(bufnr, on_dir)
    local path = vim.fs.dirname(vim.api.nvim_buf_get_name(bufnr))
    local marker = vim.fs.find({ "isms.yaml", "isms.yml" }, { upward = true, path = path })[1]
    if marker then on_dir(vim.fs.dirname(marker)) end
  end,
  settings = { isms = { today = "" } },
})
vim.lsp.enable("isms")
