-- ISMS Workbench in Neovim 0.8 or later, without nvim-lspconfig (init.lua).
-- vim.lsp.start reuses the client already running for the same ISMS root.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    local path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf))
    local marker = vim.fs.find({ "isms.yaml", "isms.yml" }, { upward = true, path = path })[1]
    if not marker then return end
    vim.lsp.start({
      name = "isms",
      cmd = { "isms-language-server", "--stdio" },
      root_dir = vim.fs.dirname(marker),
      settings = { isms = { today = "" } },
    })
  end,
})
