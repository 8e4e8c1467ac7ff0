from thidua_cli.cli.app import run

# Guarded: a worker process that `render` starts ("spawn") imports the main module again,
# and must not run the command a second time.
if __name__ == "__main__":
    run()
