"""What a campaign manager's tools share below the command line and the web page.

``sheet`` (a contact list or a payload as rows: which can be called, the plan by legal envelope),
``rows`` (the verdict's rows and the rows report), ``split`` (the parts, the plan and the rows set
aside, written into a folder), ``hours`` (the hours picture), ``batch`` (the batch fields a contact
list lacks, from the words a person types) and ``fixing`` (``--fix`` on one file by its format).
"""
