package facts

import (
	"errors"
	"fmt"
)

// Error codes. A Code's message is safe to show to a user; errors without a
// code are internal and are reported to users as ECodeInternal.
const (
	ECodeInvalid     = "invalid"     // bad input from the user
	ECodeNotFound    = "not_found"   // the thing asked for does not exist
	ECodeUnavailable = "unavailable" // the graph cannot be reached
	ECodeInternal    = "internal"    // a fault of ours
)

// Error is an error whose message may be shown to a user.
type Error struct {
	Code    string
	Message string
}

// Error returns the user-safe message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err's first *Error, or ECodeInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return ECodeInternal
}

// ErrorMessage returns the user-safe message of err's first *Error, or a
// generic message for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
