#!/bin/sh
# Stands in for Prisma 7's native schema engine (see scripts/db.ts): nothing here may need it.
echo "Prisma 7's native schema engine is not installed; model diffs run on Prisma 6.19's CLI (scripts/db.ts)." >&2
exit 1
