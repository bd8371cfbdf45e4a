"""``python -m validator`` runs the ``retell-validate`` command."""

from validator.cli import run

run()
