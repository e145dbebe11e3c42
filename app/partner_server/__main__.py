import sys

from app.partner_server.cli import main

sys.exit(main())
