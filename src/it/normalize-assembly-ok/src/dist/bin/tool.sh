#!/bin/sh
exec java -cp "$(dirname "$0")/../lib/tool-1.0.jar" org.example.tool.Tool "$@"
