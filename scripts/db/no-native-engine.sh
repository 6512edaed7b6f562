#!/bin/sh
echo "The native Prisma schema engine is not used in this project (it cannot be downloaded offline)." >&2
echo "Use npm run db:migrate, db:setup or db:new-migration, which run the WebAssembly engine." >&2
exit 1
