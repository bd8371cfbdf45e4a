"""Do-not-call lists: registry downloads and opt-out lists → one compact index file → lookups.

* :mod:`validator.dnc.sources` reads what sellers download (the FTC's and Canada's flat and
  XML files, change lists, state files) and a company's own opt-out list (CSV or XLSX);
* :mod:`validator.dnc.build` turns them into one index file, written atomically;
* :mod:`validator.dnc.layout` is that file's byte layout and checksums;
* :mod:`validator.dnc.index` memory-maps an index and answers "which of these numbers are listed";
* :mod:`validator.dnc.screen` screens a batch's tasks against the configured lists (RBV9xx, ``split``).

A number is a *key*: the digits of its E.164 form as an integer (``+12015550123`` → 12015550123).
"""
