package org.mecopt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.ProblemFamily;
import org.mecopt.datasets.DatasetGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code instance NAME} and {@code generate NAME} subcommands of every registered problem family,
 * built from the family's {@link ProblemFamily#options()}: a new family gets both commands from its
 * services line alone.
 */
final class FamilyCommands {

    private FamilyCommands() {
    }

    /** A command that takes a problem family's generator options besides its own (e.g. {@code train offloading}). */
    interface WithFamilyOptions {
        ProblemFamily<?, ?, ?> family();
    }

    /** Adds the family's options to every command under {@code root} whose object is {@link WithFamilyOptions}. */
    static void addFamilyOptions(CommandLine root) {
        if (root.getCommand() instanceof WithFamilyOptions command) {
            addOptions(root.getCommandSpec(), command.family());
        }
        root.getSubcommands().values().forEach(FamilyCommands::addFamilyOptions);
    }

    /** The generator configuration that {@code spec}'s parsed family options give. */
    static Record config(CommandSpec spec, ProblemFamily<?, ?, ?> family) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> given = new LinkedHashMap<>();
        for (ConfigOption<?, ?> o : family.options()) {
            String name = "--" + o.name();
            if (parsed.hasMatchedOption(name)) {
                given.put(o.name(), o.flag() ? "true" : parsed.matchedOptionValue(name, (String) null));
            }
        }
        return family.config(given);
    }

    /** Adds one subcommand per registered family to {@code instance} and {@code generate}. */
    static void register(CommandLine instance, CommandLine generate) {
        for (ProblemFamily<?, ?, ?> family : ProblemFamilies.all()) {
            instance.addSubcommand(family.name(), instanceCommand(family));
            generate.addSubcommand(family.name(), generateCommand(family));
        }
    }

    private static CommandLine instanceCommand(ProblemFamily<?, ?, ?> family) {
        InstanceOutput output = new InstanceOutput();
        Holder holder = new Holder();
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            output.write(generate(family, holder.config(family), output.seed), holder.spec);
            return 0;
        });
        spec.name(family.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(family.description()).sortOptions(false);
        spec.addMixin("output", CommandSpec.forAnnotatedObject(output));
        addOptions(spec, family);
        holder.spec = spec;
        return new CommandLine(spec);
    }

    private static CommandLine generateCommand(ProblemFamily<?, ?, ?> family) {
        GenerateOptions dataset = new GenerateOptions();
        Holder holder = new Holder();
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () ->
                dataset.run(DatasetGenerator.Request.of(family).withConfig(holder.config(family)), holder.spec));
        spec.name(family.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description("Labelled " + family.name() + " samples; the generator options are those of"
                + " 'instance " + family.name() + "'.").sortOptions(false);
        spec.addMixin("dataset", CommandSpec.forAnnotatedObject(dataset));
        addOptions(spec, family);
        holder.spec = spec;
        return new CommandLine(spec);
    }

    private static <C extends Record> void addOptions(CommandSpec spec, ProblemFamily<?, ?, C> family) {
        spec.parser().overwrittenOptionsAllowed(true); // the last of a repeated option wins, as with annotated options
        for (ConfigOption<C, ?> o : family.options()) {
            OptionSpec.Builder b = OptionSpec.builder("--" + o.name()).description(describe(o, family.defaultConfig()));
            if (o.flag()) {
                b.type(boolean.class).arity("0");
            } else {
                b.type(String.class).paramLabel("<" + o.name() + ">");
            }
            spec.addOption(b.build());
        }
    }

    /** The description with the default before its final period, as picocli's {@code ${DEFAULT-VALUE}} would put it. */
    private static <C> String describe(ConfigOption<C, ?> o, C defaults) {
        if (o.flag()) {
            return o.description();
        }
        String text = o.description().endsWith(".") ? o.description().substring(0, o.description().length() - 1)
                : o.description();
        return text + " (default " + o.format(defaults) + ").";
    }

    @SuppressWarnings("unchecked")
    private static <P extends Problem<S>, S, C extends Record> P generate(ProblemFamily<P, S, C> family, Record config,
                                                                          long seed) {
        return family.generate((C) config, seed);
    }

    /** The command's spec, known once built, and the configuration its parsed options give. */
    private static final class Holder {
        CommandSpec spec;

        Record config(ProblemFamily<?, ?, ?> family) {
            return FamilyCommands.config(spec, family);
        }
    }
}
