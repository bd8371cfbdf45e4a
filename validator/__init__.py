"""retell-batch-validator: check Retell AI create-batch-call payloads before they are sent.

>>> from validator import validate
>>> validate({"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}).diagnostics
()
"""

from validator.api import validate, validate_file, validate_text
from validator.diagnostics import Diagnostic, Finding, Report, Severity
from validator.openapi.load import Spec, load_spec
from validator.settings import Settings
from validator.version import __version__

__all__ = [
    "Diagnostic",
    "Finding",
    "Report",
    "Settings",
    "Severity",
    "Spec",
    "__version__",
    "load_spec",
    "validate",
    "validate_file",
    "validate_text",
]
