;; ISMS Workbench in Emacs with eglot (built in since Emacs 29; `M-x package-install eglot' before).
;; `M-x eglot' in a YAML buffer of the ISMS, or `eglot-ensure' from the mode hook.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((yaml-mode yaml-ts-mode) . ("isms-language-server" "--stdio")))
  ;; The settings the server asks for with workspace/configuration (section "isms").
  (setq-default eglot-workspace-configuration
                '(:isms (:today "" :rules (:action/overdue "warning")))))
