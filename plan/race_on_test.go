//go:build race

package plan_test

// raceOn: the race detector is on, and sync.Pool drops items at random, so
// allocation figures mean nothing.
const raceOn = true
