// The `oars` command line: serve, migrate, setup, seed, users, tokens, backup and restore, and
// moving a whole organisation as JSON. Admin commands work on the database directly.
import { Command, CommanderError } from "commander";
import { registerAdminCommands } from "./admin.commands";
import { registerDataCommands } from "./data.commands";
import { registerServeCommands } from "./serve.commands";

const program = new Command()
  .name("oars")
  .description("Oars — strategic and tactical sales planning")
  .version("0.1.0")
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerAdminCommands(program);
registerDataCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`oars: ${message}\n`);
  process.exit(1);
}
