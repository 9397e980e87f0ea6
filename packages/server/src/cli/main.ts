// The `oars` command line: serve, migrate, setup, seed, users, tokens, backup and restore, and
// moving a whole organisation as JSON. Admin commands work on the database directly.
import { Command, CommanderError } from "commander";
import { registerAdminCommands } from "./admin.commands";
import { registerCrmCommands } from "./crm.commands";
import { registerDataCommands } from "./data.commands";
import { registerFunnelCommands } from "./funnel.commands";
import { registerPlanCommands } from "./plans.commands";
import { registerProgressCommands } from "./progress.commands";
import { registerServeCommands } from "./serve.commands";
import { registerTargetCommands } from "./targets.commands";

const program = new Command()
  .name("oars")
  .description("Oars — strategic and tactical sales planning")
  .version("0.1.0")
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerAdminCommands(program);
registerDataCommands(program);
// After the data commands: it adds `import <entity> FILE.csv` beside `import org`.
registerCrmCommands(program);
registerPlanCommands(program);
registerTargetCommands(program);
registerFunnelCommands(program);
registerProgressCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`oars: ${message}\n`);
  process.exit(1);
}
