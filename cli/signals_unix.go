//go:build unix

package cli

import (
	"os"
	"syscall"
)

// stopSignals cancel a headless report like Ctrl-C: a terminal closing
// (SIGHUP) or a service manager or container stopping it (SIGTERM) must
// not leave temporary files behind.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
