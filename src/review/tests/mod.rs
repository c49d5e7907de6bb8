mod export;
mod fixtures;
mod hostile;
mod model;
mod remarks;
mod screens;
mod update;
