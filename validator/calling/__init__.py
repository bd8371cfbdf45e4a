"""The calling-time engine: when a batch's calls ring on each recipient's clock, and what the law there allows.

``windows``      the batch's ``call_time_window`` as the server reads it
``recipients``   tasks grouped by the place and zones their number tells
``reach``        a schedule mapped onto another zone's clock, across daylight-saving switches
``intervals``    sets of minutes of the day
``law_table``    the calling-time law table (``knowledge/data/calling_time_law.yaml``)
``calendar``     the holidays a law counts
``law``          what the batch reaches that a law bars (RBV705–RBV708)
``envelope``     per group of recipients, what is both reached and legal (``split``, ``hours``)

The calling-hours rules (``rules/calling_hours/``), the window rules and the
``split`` and ``hours`` commands use it; it never reports or prints.
"""
