"""`python -m policies`: see policies.cli."""

import sys

from .cli import main

sys.exit(main())
