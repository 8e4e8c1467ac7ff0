from thidua_cli.cli.app import run

run()
