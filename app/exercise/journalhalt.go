package exercise

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"drillbook/app/widgets"
	"drillbook/scenarios"
)

// showHalt explains a journal failure once: the engine has paused the
// clock and holds what happened until the journal can be written. Ticks
// raise no further error; a command tried meanwhile brings the message
// back only if it is not already showing.
func (c *console) showHalt(err *scenarios.JournalError) {
	if c.halt != nil {
		return
	}
	msg := fmt.Sprintf("%v.\n\nThe clock is paused and nothing recorded is lost. Free some disk space or reconnect the drive, then press Retry.\nYou can also end the exercise: the run is then stored in the workspace — save it to keep it.", err)
	c.halt = dialog.NewCustomConfirm("Exercise journal not written", "Retry", "Later", widgets.DialogText(msg), func(retry bool) {
		c.halt = nil
		if retry {
			c.apply(c.e.Retry())
		}
	}, c.x.sh.Window())
	c.halt.Show()
}
