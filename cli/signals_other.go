//go:build !unix && !windows

package cli

import "os"

// stopSignals cancel a headless report like Ctrl-C; only os.Interrupt is
// portable everywhere else.
var stopSignals = []os.Signal{os.Interrupt}
