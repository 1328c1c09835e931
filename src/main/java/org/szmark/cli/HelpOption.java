package org.szmark.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command: its usage and options, exit code 0. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
