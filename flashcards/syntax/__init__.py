"""Our own markdown-it rules, one file each: what sheets write that CommonMark does not read."""
