"""`python -m flashcards`: the same command line as `flashcards`."""

from flashcards.cli import main

if __name__ == "__main__":
    main(prog_name="flashcards")
