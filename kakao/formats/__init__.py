"""One grammar per export format, all on the shared state machine in :mod:`kakao.formats.base`."""
