"""``python -m infoview_lib``: the ``infoview`` command."""

from .cli import main

raise SystemExit(main())
