// Types of server-bundle.mjs, for the bench (TypeScript) that builds the bundle before measuring.
export declare const serverBundle: string;
export declare function freshServerBundle(): string | null;
export declare function buildServerBundle(outfile?: string): Promise<void>;
