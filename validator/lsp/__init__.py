"""``retell-validate lsp``: diagnostics, fixes, hover and completion in the editor.

Only :mod:`validator.lsp.server` needs pygls (the ``[lsp]`` extra); the other
modules are plain Python, so the CLI imports :mod:`validator.lsp.command`
without it.
"""
