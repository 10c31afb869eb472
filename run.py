#!/usr/bin/env python3
"""Launcher of the IPQS Fraud and Risk Scoring app (install.json programMain).

ThreatConnect starts playbook apps as Python; this app is Node.js. The launcher replaces itself
(os.execv) with Node running dist/main.js, with the same environment (TC_APP_PARAM_FILE,
TC_APP_PARAM_KEY) and arguments, so signals and the exit code pass straight between the platform
and the app. Node is the package's own bin/node when present, else $IPQS_NODE, else node on PATH.
Standard library only.
"""
import os
import shutil
import sys

APP_DIR = os.path.dirname(os.path.abspath(__file__))
MAIN_JS = os.path.join(APP_DIR, 'dist', 'main.js')
SHIPPED_NODE = os.path.join(APP_DIR, 'bin', 'node')
MESSAGE_TC_LIMIT = 255


def message_dir():
    """Where message.tc goes: the legacy --tc_out_path argument, else the working directory.

    The encrypted param file that names tc_out_path needs AES, which the standard library lacks.
    """
    args = sys.argv[1:]
    for index, arg in enumerate(args[:-1]):
        if arg == '--tc_out_path':
            return args[index + 1]
    return os.getcwd()


def fail(message):
    """Report a launch failure the way the app reports its own: stderr, message.tc, exit 1."""
    sys.stderr.write(message + '\n')
    try:
        out_dir = message_dir()
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, 'message.tc'), 'w', encoding='utf-8') as handle:
            handle.write(message[-MESSAGE_TC_LIMIT:] + '\n')
    except OSError:
        pass
    sys.exit(1)


def shipped_node():
    """The package's bin/node, made executable if the unzipper dropped the mode; None if unusable."""
    if not os.path.isfile(SHIPPED_NODE):
        return None
    if not os.access(SHIPPED_NODE, os.X_OK):
        try:
            os.chmod(SHIPPED_NODE, 0o755)
        except OSError:
            return None
    return SHIPPED_NODE


def node_candidates():
    """The Node executables to try, in order of preference."""
    candidates = [shipped_node()]
    configured = os.environ.get('IPQS_NODE')
    if configured:
        resolved = shutil.which(configured)
        if resolved is None:
            fail('Node.js was not found: IPQS_NODE=%s is not an executable file' % configured)
        candidates.append(resolved)
    else:
        candidates.append(shutil.which('node'))
    return [candidate for candidate in candidates if candidate]


def main():
    if not os.path.isfile(MAIN_JS):
        fail('The app is incomplete: %s is missing; rebuild it with ipqs-tc package' % MAIN_JS)
    failures = []
    for node in node_candidates():
        try:
            os.execv(node, [node, MAIN_JS] + sys.argv[1:])
        except OSError as error:
            # a binary for another platform fails to exec; the next candidate may work
            failures.append('%s (%s)' % (node, error.strerror or error))
    if failures:
        fail('Node.js could not be started: ' + '; '.join(failures))
    fail(
        'Node.js was not found: ship it in the package (ipqs-tc package --with-node), '
        'set IPQS_NODE, or put node on PATH'
    )


if __name__ == '__main__':
    main()
