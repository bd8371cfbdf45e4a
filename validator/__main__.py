"""``python -m validator`` runs the ``retell-validate`` command."""

from validator.cli.main import run

run()
