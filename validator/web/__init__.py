"""``retell-validate serve``: a page on this machine for the person who launches the campaign, and its API.

She drops a contact list or a payload and sees whether it is ready to send and why not, the
findings grouped by rule, when her recipients' phones would ring, and downloads the fixed file,
the rows report and the parts to upload. The file goes only to this server, which writes it to a
temporary folder removed before it answers. Needs the ``[web]`` extra (Starlette, uvicorn,
python-multipart); ``docs/web.md`` documents the page, its test hooks and the API.
"""
