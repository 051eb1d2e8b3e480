package io.viplane.app;

import java.io.PrintWriter;

/** {@code viplane COMMAND [flags]}; the commands are in {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return Cli.execute(argv, System.getenv(), out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
