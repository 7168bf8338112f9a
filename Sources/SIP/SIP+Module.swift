// The SIP module.
