// Every flow on the remote builder of the real buildkitd (test/support/builder-flows.ts).
import { BUILDERS, builderFlows } from '../support/builder-flows.js';

builderFlows(BUILDERS[0]);
