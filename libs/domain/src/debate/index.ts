// The general debate's published list of speakers (R45–R47), in the style of the UN Journal.
export * from './journal';
