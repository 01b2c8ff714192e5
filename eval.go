package main

import (
	"errors"
	"io"
)

// evalCommand runs `amicus eval`.
func evalCommand(args []string, stdout io.Writer) error {
	return errors.New("not available yet")
}
