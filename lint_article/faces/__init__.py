"""The long-lived faces of the linter: an HTTP service, an MCP server and a
JSON-lines pipe. Each is a thin shell over :mod:`.service`, which turns a request
(an article, its name, a few settings) into the ``files[]`` entry of the JSON
output; none of them knows a rule. They are imported only by the commands that
start them, so ``lint-article check`` never pays for them.
"""
