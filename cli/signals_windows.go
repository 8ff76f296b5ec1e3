package cli

import (
	"os"
	"syscall"
)

// stopSignals cancel a headless report like Ctrl-C. Windows has no SIGHUP;
// Go delivers closing the console window, logging off and shutting down as
// SIGTERM.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
