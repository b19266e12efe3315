"""Command-line commands, one module per topic; each has `register(commands)` adding its parsers, whose
`handler` default is a function (args, ctx) → exit code. No Qt is imported unless a command needs a window."""
